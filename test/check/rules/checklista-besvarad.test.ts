import { ruleTable } from '../helpers.js';
import { cases, rule } from './checklista-besvarad.cases.js';

ruleTable(rule, cases);
