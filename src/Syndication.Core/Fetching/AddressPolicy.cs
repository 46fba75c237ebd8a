using System.Net;
using System.Net.Sockets;

namespace Syndication.Fetching;

/// <summary>
/// Which IP addresses the fetcher may connect to, checked after DNS resolution on every request and redirect, so a
/// partner list or a partner's redirect cannot make the audit read the internal network it runs in (SSRF). Loopback,
/// private, link-local (cloud metadata), unique-local, carrier-grade NAT, documentation, multicast and reserved ranges
/// are refused, IPv4-mapped, NAT64, 6to4 and Teredo forms included.
/// </summary>
public sealed class AddressPolicy
{
    private readonly bool _allowLoopback;
    private readonly bool _allowPrivate;
    private readonly IPAddress? _onlyLoopback;

    private AddressPolicy(bool allowLoopback, bool allowPrivate, IPAddress? onlyLoopback = null)
    {
        _allowLoopback = allowLoopback;
        _allowPrivate = allowPrivate;
        _onlyLoopback = onlyLoopback;
    }

    /// <summary>Public addresses only: the default.</summary>
    public static AddressPolicy PublicOnly { get; } = new(false, false);

    /// <summary>--allow-private-networks: any address (tests, intranets).</summary>
    public static AddressPolicy AllowPrivateNetworks { get; } = new(true, true);

    /// <summary>Public addresses and loopback only: for tests that serve pages on 127.0.0.1 and must still see the guard refuse 10.x or 169.254.x.</summary>
    public static AddressPolicy PublicAndLoopback { get; } = new(true, false);

    /// <summary>
    /// Public addresses and this one loopback address only: for tests that serve pages on 127.0.0.1 and must see the
    /// guard refuse another address they can observe (a server on 127.0.0.2 that must never be reached).
    /// </summary>
    public static AddressPolicy PublicAndOneLoopback(IPAddress address) => new(true, false, address);

    /// <summary>Returns why the address is refused, or null when it may be connected to.</summary>
    public string? Refuse(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (_onlyLoopback is not null && IPAddress.IsLoopback(address) && !address.Equals(_onlyLoopback))
        {
            return $"{address} is a loopback address";
        }

        var range = NonPublicRange(address);
        return range switch
        {
            null => null,
            "loopback" when _allowLoopback || _allowPrivate => null,
            not null when _allowPrivate => null,
            _ => $"{address} is a {range} address",
        };
    }

    /// <summary>The name of the non-public range an address belongs to, or null for a public address.</summary>
    public static string? NonPublicRange(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return V4Range(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "non-IP";
        }

        var b = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        // 64:ff9b::/96 NAT64 and 2002::/16 6to4 carry an IPv4 address: judge that one.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return V4Range(b[12..16]) is { } nat64 ? nat64 + " (NAT64)" : null;
        }

        // 64:ff9b:1::/48 is NAT64 for local use (RFC 8215): translated inside the network it runs in.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0x00 && b[5] == 0x01)
        {
            return "local-use NAT64";
        }

        // 2001::/32 is Teredo: a tunnel whose far end is an IPv4 address hidden in the address, not a web server.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            return "Teredo tunnel";
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return V4Range(b[2..6]) is { } sixToFour ? sixToFour + " (6to4)" : null;
        }

        return (b[0], b[1]) switch
        {
            (0xfe, >= 0x80 and <= 0xbf) => "link-local",
            (0xfe, >= 0xc0) => "site-local",
            (>= 0xfc and <= 0xfd, _) => "unique-local",
            (0xff, _) => "multicast",
            (0x20, 0x01) when b[2] == 0x0d && b[3] == 0xb8 => "documentation",
            (0x01, 0x00) when b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0 => "discard-only",
            (0x00, 0x00) => "reserved",
            _ => null,
        };
    }

    private static string? V4Range(byte[] b) => (b[0], b[1]) switch
    {
        (0, _) => "\"this network\"",
        (10, _) => "private",
        (100, >= 64 and <= 127) => "carrier-grade NAT",
        (127, _) => "loopback",
        (169, 254) => "link-local (cloud metadata)",
        (172, >= 16 and <= 31) => "private",
        (192, 0) when b[2] == 0 => "IETF protocol assignments",
        (192, 0) when b[2] == 2 => "documentation",
        (192, 88) when b[2] == 99 => "6to4 relay",
        (192, 168) => "private",
        (198, 18 or 19) => "benchmarking",
        (198, 51) when b[2] == 100 => "documentation",
        (203, 0) when b[2] == 113 => "documentation",
        (>= 224 and <= 239, _) => "multicast",
        (>= 240, _) => "reserved",
        _ => null,
    };
}
