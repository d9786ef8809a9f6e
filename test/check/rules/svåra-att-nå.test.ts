import { ruleTable } from '../helpers.js';
import { cases, rule } from './svåra-att-nå.cases.js';

ruleTable(rule, cases);
