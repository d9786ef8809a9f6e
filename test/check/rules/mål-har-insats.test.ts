import { ruleTable } from '../helpers.js';
import { cases, rule } from './mål-har-insats.cases.js';

ruleTable(rule, cases);
