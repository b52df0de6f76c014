using Gateway.Reliability;
using Gateway.Reliability.FakeProvider;

// Two verbs in one executable: the suite (default), and the fake provider it starts as a child process.
return args is ["fake-provider", .. var rest]
    ? await FakeProviderServer.RunAsync(rest)
    : await Suite.RunAsync(args);
