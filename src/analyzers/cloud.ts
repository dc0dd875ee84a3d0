// The cloud family (aws, gcloud, gsutil, az) lives in ./cloud/.
export { cloudAnalyzer } from './cloud/index.js';
