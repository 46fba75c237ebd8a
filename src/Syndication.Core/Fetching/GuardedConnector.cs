using System.Net;
using System.Net.Sockets;
using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>
/// The SocketsHttpHandler ConnectCallback that enforces the <see cref="AddressPolicy"/>: it resolves the host itself
/// and connects only to an allowed address, so the check holds after DNS, for every request and every redirect, and
/// against DNS rebinding (the address checked is the address connected to).
/// </summary>
public sealed class GuardedConnector(AddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new FetchException(ErrorKinds.Dns, $"cannot resolve {host}: {e.SocketErrorCode}", e);
            }
        }

        string? refused = null;
        Exception? lastFailure = null;
        foreach (var address in addresses)
        {
            if (policy.Refuse(address) is { } reason)
            {
                refused ??= reason;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lastFailure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastFailure is not null)
        {
            throw lastFailure;
        }

        throw new FetchException(ErrorKinds.BlockedAddress, $"refused to connect to {host}: {refused ?? "no address"} (use --allow-private-networks for intranets)");
    }
}
