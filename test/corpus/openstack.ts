import { destructive as d, harmless as h, type LabelledCommand } from '../support/runtime.js';

const PROD = { environment: 'production', outcome: 'require-approval' } as const;

// The openstack CLI: `openstack [global options] <object…> <verb> [options] [names]`. The cloud comes from
// --os-cloud / OS_CLOUD, the project from OS_PROJECT_NAME, the endpoint from OS_AUTH_URL.
export const openstackCorpus: LabelledCommand[] = [
  d('openstack server delete web-01', { minRisk: 'high', target: 'server web-01' }),
  d('openstack --os-cloud prod server delete --wait api-1 api-2', { ...PROD, target: 'server api-2' }),
  d('openstack volume delete --force --purge pg-data', { minRisk: 'critical' }),
  d('openstack image delete ubuntu-22.04-golden', { minRisk: 'high' }),
  d('openstack network delete private-net', { minRisk: 'high' }),
  d('openstack subnet delete private-subnet', { minRisk: 'high' }),
  d('openstack router delete edge-router', { minRisk: 'high' }),
  d('openstack stack delete -y billing-stack', { minRisk: 'high' }),
  d('OS_CLOUD=production openstack project delete billing', PROD),
  d('openstack project purge --project old-team', { minRisk: 'critical' }),
  d('openstack security group rule delete 3f1c2a7e-5b1d-4c2b-9a51-0e0f1c2d3b4a', { minRisk: 'medium' }),
  d('openstack volume snapshot delete nightly-2024', { minRisk: 'high' }),
  d('openstack server rebuild --image ubuntu-22.04 web-01', { minRisk: 'high' }),
  d('openstack container delete --recursive assets', { minRisk: 'high' }),
  d('openstack floating ip delete 203.0.113.7', { minRisk: 'medium' }),
  d('openstack server delete db-1', {
    ...PROD,
    env: { OS_AUTH_URL: 'https://keystone.prod.example.com:5000/v3' },
  }),
  d('openstack keypair delete deploy-key', { minRisk: 'medium' }),
  d('openstack server delete web-3', { ...PROD, env: { OS_PROJECT_NAME: 'shop-production' } }),
  d('openstack --os-project-name shop-prod volume delete uploads', PROD),

  h('openstack server list'),
  h('openstack --os-cloud prod server show web-01'),
  h('openstack volume list --long'),
  h('openstack image list --public'),
  h('openstack network list'),
  h('openstack stack list'),
  h('openstack token issue'),
  h('openstack catalog list'),
  h('openstack server create --flavor m1.small --image ubuntu-22.04 --network private test-vm'),
  h('openstack stack resource list billing-stack'),
  h('openstack project show billing'),
  h('openstack server delete --help'),
];
