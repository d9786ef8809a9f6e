import { ruleTable } from '../helpers.js';
import { cases, rule } from './insats-komplett.cases.js';

ruleTable(rule, cases);
