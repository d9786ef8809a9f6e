import { ruleTable } from '../helpers.js';
import { cases, rule } from './datum-rimliga.cases.js';

ruleTable(rule, cases);
