import { ruleTable } from '../helpers.js';
import { cases, rule } from './beslut-komplett.cases.js';

ruleTable(rule, cases);
