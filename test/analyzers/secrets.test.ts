import { describe } from 'vitest';
import { secretsCorpus } from '../corpus/secrets.js';
import { corpusTests } from '../support/corpus.js';

describe('secrets corpus', () => corpusTests(secretsCorpus));
