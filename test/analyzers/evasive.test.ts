import { describe } from 'vitest';
import { evasiveCorpus } from '../corpus/evasive.js';
import { corpusTests } from '../support/corpus.js';

describe('evasive spellings of destructive commands, and the same tools at everyday work', () =>
  corpusTests(evasiveCorpus));
