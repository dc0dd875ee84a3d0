import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A firewall rule that lets every address in was a low-risk create, allowed: port 22 or a database open
// to the internet is how an intruder comes in. A rule for a private range, an egress rule or a deny stays
// everyday work.

describe('cloud firewall rules open to the whole internet', () => {
  it.each([
    'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0',
    'aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions IpProtocol=tcp,FromPort=5432,ToPort=5432,IpRanges=[{CidrIp=0.0.0.0/0}]',
    'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 3389 --cidr 10.1.2.3/0',
    'aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions IpProtocol=-1,Ipv6Ranges=[{CidrIpv6=::/0}]',
    'aws ec2 create-network-acl-entry --network-acl-id acl-1 --rule-number 1 --protocol -1 --rule-action allow --ingress --cidr-block 0.0.0.0/0',
    'gcloud compute firewall-rules create allow-all --allow=tcp:0-65535 --source-ranges=0.0.0.0/0',
    'gcloud compute firewall-rules create allow-ssh --allow=tcp:22',
    'gcloud compute firewall-rules update web --source-ranges=0.0.0.0/0',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
    expect(r.assessment.reasons.join(' ')).toMatch(/whole internet/);
  });

  it.each([
    'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 443 --cidr 10.0.0.0/16',
    'aws ec2 authorize-security-group-egress --group-id sg-1 --protocol tcp --port 443 --cidr 0.0.0.0/0',
    'aws ec2 create-network-acl-entry --network-acl-id acl-1 --rule-number 1 --protocol -1 --rule-action deny --ingress --cidr-block 0.0.0.0/0',
    'gcloud compute firewall-rules create internal --allow=tcp:22 --source-ranges=10.0.0.0/8',
    'gcloud compute firewall-rules create web --allow=tcp:443 --source-tags=lb',
    'gcloud compute firewall-rules create out --direction=EGRESS --allow=tcp:443',
    'gcloud compute firewall-rules list',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
