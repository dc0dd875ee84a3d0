import type { Analyzer } from './analyzer.js';
import { airflow } from './data-platforms/airflow.js';
import { dbt } from './data-platforms/dbt.js';
import { hdfs } from './data-platforms/hdfs.js';
import { jenkinsCli } from './data-platforms/jenkins.js';

// Tools of data platforms that destroy by name: Airflow's metadata database (`airflow db reset`), dbt's
// full refreshes, HDFS deletions past the trash, Jenkins' CLI (`java -jar jenkins-cli.jar delete-job`).
// Each knows only some of its program's commands (partial): the rest stay unrecognised, and the forms that
// only read are listed in assess/read-only-tools.ts. Airflow's table lists its everyday subcommands too,
// and says of the rest that they are not known (subcommands.ts): it is not partial.
export const airflowAnalyzer: Analyzer = {
  family: 'data-platforms',
  commands: ['airflow'],
  local: false,
  environmentVariables: [],
  analyze: airflow,
};

export const dataPlatformsAnalyzer: Analyzer = {
  family: 'data-platforms',
  commands: ['dbt', 'hdfs', 'hadoop', 'java'],
  local: false,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    switch (inv.name) {
      case 'dbt':
        return dbt(inv);
      case 'hdfs':
      case 'hadoop':
        return hdfs(inv);
      case 'java':
        return jenkinsCli(inv);
    }
    return [];
  },
};
