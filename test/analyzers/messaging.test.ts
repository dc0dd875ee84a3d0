import { describe } from 'vitest';
import { messagingCorpus } from '../corpus/messaging.js';
import { corpusTests } from '../support/corpus.js';

describe('messaging corpus', () => corpusTests(messagingCorpus));
