import { describe } from 'vitest';
import { paasCorpus } from '../corpus/paas.js';
import { corpusTests } from '../support/corpus.js';

describe('paas corpus', () => corpusTests(paasCorpus));
