package dev.opsh.adapters.ssh;

import java.io.IOException;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * The {@code publickey} method (RFC 4252 section 7) with a key held by ssh-agent: a query without
 * signature first, then, when the server accepts the key, a request signed by the agent.
 */
final class AgentAuth extends AbstractAuthMethod {
    private final SshAgent agent;
    private final SshAgent.Identity identity;
    private final String algorithm;
    private final int flags;

    AgentAuth(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
        String type = identity.type();
        // OpenSSH 8.8+ refuses SHA-1 "ssh-rsa" signatures; RSA keys sign with SHA-512 instead.
        this.algorithm = type.equals("ssh-rsa") ? "rsa-sha2-512" : type;
        this.flags = type.equals("ssh-rsa") ? SshAgent.RSA_SHA2_512 : 0;
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) {
            sendSigned();
        } else {
            super.handle(cmd, buf);
        }
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm).putString(identity.blob());
    }

    private void sendSigned() throws UserAuthException, TransportException {
        SSHPacket request = request(true);
        byte[] signedData = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(request)
                .getCompactData();
        try {
            request.putString(agent.sign(identity.blob(), signedData, flags));
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent could not sign with " + identity.fingerprint() + ": " + e.getMessage(), e);
        }
        params.getTransport().write(request);
    }

    @Override
    public String toString() {
        return "ssh-agent key " + identity.type() + " " + identity.fingerprint() + " (" + identity.comment() + ")";
    }
}
