namespace Syndication.Discovery;

/// <summary>
/// The ledger of an audit shard: what earlier nights learnt is read from the main history (the merge keeps it there),
/// what tonight learns goes to the shard's own file, and the merge carries it into the main history.
/// </summary>
public sealed class ShardLedger(IDiscoveryLedger main, IDiscoveryLedger shard) : IDiscoveryLedger
{
    public SiteLedger Load(string siteKey) => main.Load(siteKey);

    public void Save(string siteKey, LedgerUpdate update) => shard.Save(siteKey, update);
}
