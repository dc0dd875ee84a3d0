import { createServer, type Server } from 'node:http';

// An STS-compatible endpoint of the test's own (the one emulated piece: no AWS endpoint is reachable here).
// It answers sts:AssumeRole in the Query API's documented XML, refuses a request without a SigV4
// Authorization header, and records the parameters each call carried.

interface AssumeRoleCall {
  params: Record<string, string>;
  authorization: string;
}

export interface StsEndpoint {
  url: string;
  calls: AssumeRoleCall[];
  close(): Promise<void>;
}

export const TEMPORARY = {
  AccessKeyId: 'ASIATESTTEMPORARY001',
  SecretAccessKey: 'temporary-secret-from-sts',
  SessionToken: 'temporary-session-token-from-sts',
};

const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+\/\d{8}\/[a-z0-9-]+\/sts\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/;

function answer(params: Record<string, string>): string {
  const expiration = new Date(Date.now() + Number(params.DurationSeconds ?? 900) * 1000).toISOString();
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${TEMPORARY.AccessKeyId}</AccessKeyId>
      <SecretAccessKey>${TEMPORARY.SecretAccessKey}</SecretAccessKey>
      <SessionToken>${TEMPORARY.SessionToken}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROATESTROLE:${params.RoleSessionName}</AssumedRoleId>
      <Arn>arn:aws:sts::111122223333:assumed-role/deployer/${params.RoleSessionName}</Arn>
    </AssumedRoleUser>
    <PackedPolicySize>7</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;
}

const FAULT = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>IncompleteSignature</Code><Message>Authorization header missing or not SigV4</Message></Error><RequestId>0</RequestId></ErrorResponse>`;

export async function startStsEndpoint(): Promise<StsEndpoint> {
  const calls: AssumeRoleCall[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const authorization = req.headers.authorization ?? '';
      res.setHeader('content-type', 'text/xml');
      if (!SIGV4.test(authorization) || params.Action !== 'AssumeRole') {
        res.statusCode = 403;
        res.end(FAULT);
        return;
      }
      calls.push({ params, authorization });
      res.end(answer(params));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
