import type { Effect, EnvironmentHint } from '../../core/types.js';
import { repository } from '../../shell/cli-images.js';
import { RUN_VALUE } from '../../shell/cli-options/docker.js';
import { hasOption, optionValues, parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import { fx } from './common.js';

// `docker run -p 8080:8080 adminer` on a production docker host publishes a database console on every address
// of the host (`-p HOST:CONTAINER` and `-p 0.0.0.0:…` both bind them all, and docker's own rules go around the
// host's firewall): anyone who reaches the host reaches the database, often with no password or a default one.
// On a laptop it is how a database is run for development, and `-p 127.0.0.1:…` keeps it to the host.
// `--network host` publishes more: every port the image listens on, on every address, with no -p at all.

/**
 * Images of databases, their admin consoles and shells served over the network, by the last part of the
 * image's name (`docker.io/library/postgres:16` is `postgres`, `dpage/pgadmin4` is `pgadmin4`).
 */
const DATA_OR_ADMIN =
  /^(adminer|phpmyadmin|pgadmin4?|mongo-express|redis(-stack(-server)?)?|redis-commander|redisinsight|postgres(ql)?|postgis|timescaledb(-ha)?|mysql|mariadb|percona(-server)?|mongo(db)?(-community-server)?|elasticsearch|opensearch|kibana|opensearch-dashboards|cassandra|couchdb|clickhouse(-server)?|influxdb|memcached|etcd|neo4j|ttyd|gotty|wetty|shellinabox)$/;

/** The name an image is known by: its repository's last part (no registry, tag or digest). */
const imageName = (image: string) => repository(image).split('/').at(-1)!.toLowerCase();

/** The address a `-p` spec binds: `IP:HOST:CONTAINER`, `[IPv6]:HOST:CONTAINER`; none given is every address. */
function boundAddress(spec: string): string {
  // The long form some docker versions take: `published=8080,target=80,host_ip=127.0.0.1`.
  if (spec.includes('=')) return /(?:^|,)host_ip=([^,]+)/.exec(spec)?.[1] ?? '';
  const bracketed = /^\[([^\]]*)\]:/.exec(spec);
  if (bracketed) return bracketed[1]!;
  const parts = spec.split(':');
  return parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
}

const EVERY_ADDRESS = /^(|0\.0\.0\.0|::)$/;

/** The `-p` specs (and `-P`, `--network host`) that bind every address of the host. */
function openSpecs(args: readonly Word[]): { image: string; specs: string[] } | undefined {
  const parsed = parseOptions(args, { withValue: RUN_VALUE, stopAtFirstPositional: true });
  const image = parsed.positionals[0];
  if (!image || image.dynamic) return undefined;
  const specs = optionValues(parsed, '-p', '--publish').filter((s) => EVERY_ADDRESS.test(boundAddress(s)));
  if (hasOption(parsed, '-P', '--publish-all')) specs.push('every exposed port (-P)');
  if (optionValues(parsed, '--network', '--net').includes('host'))
    specs.push('--network host: every port it listens on');
  return { image: image.value, specs };
}

/** A database or admin tool's port published on every address: routine locally, high on a production host. */
export function publishedDataPorts(tool: string, args: readonly Word[], hints: EnvironmentHint[]): Effect[] {
  const found = openSpecs(args);
  if (!found || found.specs.length === 0 || !DATA_OR_ADMIN.test(imageName(found.image))) return [];
  const ports = found.specs.join(', ');
  return [
    {
      ...fx(
        tool,
        'modify',
        'low',
        `${found.image} ${ports}`,
        `publishes ${found.image} (${ports}) on every address of the host: whoever reaches the host reaches it`,
        'network',
        { hints, reversible: true },
      ),
      riskInProduction: 'high',
    },
  ];
}
