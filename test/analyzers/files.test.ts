import { describe } from 'vitest';
import { filesCorpus } from '../corpus/files.js';
import { corpusTests } from '../support/corpus.js';

describe('files and disks', () => corpusTests(filesCorpus));
