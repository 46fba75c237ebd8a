using System.Net;
using Syndication.Fetching;

namespace Syndication.Core.Tests.Fetching;

public sealed class AddressPolicyTests
{
    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.255.0.9", "loopback")]
    [TestCase("::1", "loopback")]
    [TestCase("10.0.0.5", "private")]
    [TestCase("172.16.0.1", "private")]
    [TestCase("172.31.255.255", "private")]
    [TestCase("192.168.1.1", "private")]
    [TestCase("169.254.169.254", "link-local (cloud metadata)")]
    [TestCase("100.64.0.1", "carrier-grade NAT")]
    [TestCase("0.0.0.0", "\"this network\"")]
    [TestCase("224.0.0.1", "multicast")]
    [TestCase("255.255.255.255", "reserved")]
    [TestCase("192.0.2.10", "documentation")]
    [TestCase("198.18.0.1", "benchmarking")]
    [TestCase("::ffff:10.0.0.5", "private")]
    [TestCase("::ffff:169.254.169.254", "link-local (cloud metadata)")]
    [TestCase("64:ff9b::a00:5", "private (NAT64)")]
    [TestCase("2002:a00:5::1", "private (6to4)")]
    [TestCase("64:ff9b:1::a00:5", "local-use NAT64")]
    [TestCase("2001:0:4136:e378:8000:63bf:f5ff:fffa", "Teredo tunnel")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("fd12:3456::1", "unique-local")]
    [TestCase("fec0::1", "site-local")]
    [TestCase("ff02::1", "multicast")]
    [TestCase("2001:db8::1", "documentation")]
    [TestCase("::", "unspecified")]
    public void Non_public_addresses_are_refused_by_default(string address, string range)
    {
        var ip = IPAddress.Parse(address);
        Assert.That(AddressPolicy.NonPublicRange(ip), Is.EqualTo(range));
        Assert.That(AddressPolicy.PublicOnly.Refuse(ip), Does.Contain(range));
        Assert.That(AddressPolicy.AllowPrivateNetworks.Refuse(ip), Is.Null, "--allow-private-networks lifts the guard");
    }

    [TestCase("93.184.216.34")]
    [TestCase("8.8.8.8")]
    [TestCase("172.32.0.1")]
    [TestCase("100.128.0.1")]
    [TestCase("2606:4700::6810:85e5")]
    [TestCase("2001:4860:4860::8888")]
    [TestCase("64:ff9b::5db8:d822")]
    [TestCase("::ffff:93.184.216.34")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.That(AddressPolicy.PublicOnly.Refuse(IPAddress.Parse(address)), Is.Null);

    [Test]
    public void The_test_policy_allows_loopback_and_nothing_else_internal()
    {
        Assert.That(AddressPolicy.PublicAndLoopback.Refuse(IPAddress.Loopback), Is.Null);
        Assert.That(AddressPolicy.PublicAndLoopback.Refuse(IPAddress.Parse("10.0.0.5")), Is.Not.Null);
        Assert.That(AddressPolicy.PublicAndLoopback.Refuse(IPAddress.Parse("169.254.169.254")), Is.Not.Null);
    }
}
