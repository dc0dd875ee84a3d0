import { destructive as d, harmless as h, type LabelledCommand } from '../support/runtime.js';

const PROD = { environment: 'production', outcome: 'require-approval' } as const;

// scp and rsync onto the files a machine runs on or lets people in by: /etc, /usr, /bin, /boot,
// ~/.ssh/authorized_keys, here or on another host (`host:/etc/…`, placed by the host).
export const systemCopiesCorpus: LabelledCommand[] = [
  d('scp nginx.conf root@web-1:/etc/nginx/nginx.conf', {
    minRisk: 'high',
    target: 'web-1:/etc/nginx/nginx.conf',
  }),
  d('scp id_rsa.pub deploy@prod-db-1:~/.ssh/authorized_keys', { ...PROD, minRisk: 'high' }),
  d('scp ./sshd_config prod-bastion:/etc/ssh/sshd_config', PROD),
  d('sudo scp backup:/srv/passwd /etc/passwd', { minRisk: 'high', environment: 'non-production' }),
  d('rsync -av ./config/ /etc/myapp/', { minRisk: 'high' }),
  d('sudo rsync -a build/bin/ /usr/local/bin/', { minRisk: 'high' }),
  d('rsync -avz ./boot/ root@host:/boot/', { minRisk: 'high' }),
  d('rsync keys.pub admin@web-prod-2:.ssh/authorized_keys', PROD),
  d('scp -r ./systemd/ root@10.0.0.4:/etc/systemd/system/', { minRisk: 'high' }),
  d('sudo rsync --delete -a ./etc-backup/ /etc/', { minRisk: 'high' }),
  d('rsync -a ./id_ed25519.pub ~/.ssh/authorized_keys', { minRisk: 'high' }),
  d('scp -P 2222 -i ~/.ssh/deploy ./sudoers admin@web-2:/etc/sudoers', { minRisk: 'high' }),
  d('rsync -e "ssh -p 2222" hooks.json dev@ws-3:.claude/settings.json', { minRisk: 'high' }),

  h('scp build.tar.gz deploy@web-1:/tmp/'),
  h('scp user@host:/etc/nginx/nginx.conf ./nginx.conf'),
  h('rsync -av ./dist/ deploy@web-1:/var/www/app/'),
  h('rsync -avz --progress ./data/ backup@nas:/volume1/backups/'),
  h('scp -P 2222 report.pdf me@files.example.com:~/inbox/'),
  h('rsync -n -av ./config/ /etc/myapp/'),
  h('scp ~/.ssh/id_ed25519.pub me@host:/tmp/key.pub'),
  h('rsync -a host:/etc/ ./etc-copy/'),
  h('rsync -a ./public/ /srv/www/'),
];
