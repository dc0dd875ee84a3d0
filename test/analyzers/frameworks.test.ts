import { describe } from 'vitest';
import { frameworksCorpus } from '../corpus/frameworks.js';
import { corpusTests } from '../support/corpus.js';

describe('framework database tasks', () => corpusTests(frameworksCorpus));
