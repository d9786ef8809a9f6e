import { ruleTable } from '../helpers.js';
import { cases, rule } from './täckning.cases.js';

ruleTable(rule, cases);
