import { ruleTable } from '../helpers.js';
import { cases, rule } from './behov-adresserat.cases.js';

ruleTable(rule, cases);
