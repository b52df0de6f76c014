using System.CommandLine;
using Gateway.EndToEnd.Cli;

// bench/e2e.sh builds this and the worker, starts a private RabbitMQ node and runs the driver (no verb);
// the driver runs the peers as `Gateway.EndToEnd peer raw|masstransit ...`, one process per run.
// Ctrl-C / SIGTERM cancel the token; 30 s are left for the running consumer to be killed and the queue deleted.
return await EndToEndCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
