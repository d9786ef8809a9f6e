import { ruleTable } from '../helpers.js';
import { cases, rule } from './en-person-samordnar.cases.js';

ruleTable(rule, cases);
