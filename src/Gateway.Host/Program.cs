// The worker and its CLI verbs arrive with the host issue; until then the host only starts the generic host.
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
using var host = builder.Build();
await host.RunAsync();
