using Syndication.DiscoveryDemo;

// dotnet run --project samples/DiscoveryDemo [PORT]: the partner site on PORT (8642), the watched site on PORT+1.
var port = args.Length > 0 && int.TryParse(args[0], out var given) ? given : Demo.PartnerPort;
var codes = await Demo.RunAsync(Console.Out, Console.Error, port);
return codes[^1];
