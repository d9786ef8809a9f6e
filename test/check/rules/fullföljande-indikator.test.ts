import { ruleTable } from '../helpers.js';
import { cases, rule } from './fullföljande-indikator.cases.js';

ruleTable(rule, cases);
