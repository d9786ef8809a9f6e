import { ruleTable } from '../helpers.js';
import { cases, rule } from './referenser.cases.js';

ruleTable(rule, cases);
