using Gateway.Host.Cli;

return await GatewayCommandLine.Create().Parse(args).InvokeAsync();
