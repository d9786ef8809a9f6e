import { ruleTable } from '../helpers.js';
import { cases, rule } from './schema.cases.js';

ruleTable(rule, cases);
