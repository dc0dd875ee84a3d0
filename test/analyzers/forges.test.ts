import { describe } from 'vitest';
import { forgesCorpus } from '../corpus/forges.js';
import { corpusTests } from '../support/corpus.js';

describe('forges corpus', () => corpusTests(forgesCorpus));
