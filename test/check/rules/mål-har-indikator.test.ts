import { ruleTable } from '../helpers.js';
import { cases, rule } from './mål-har-indikator.cases.js';

ruleTable(rule, cases);
