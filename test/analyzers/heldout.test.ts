import { describe } from 'vitest';
import { heldoutCorpus } from '../corpus/heldout.js';
import { corpusTests } from '../support/corpus.js';

describe('held-out commands across every family', () => corpusTests(heldoutCorpus));
