import { ruleTable } from '../helpers.js';
import { cases, rule } from './ordinarie-budget.cases.js';

ruleTable(rule, cases);
