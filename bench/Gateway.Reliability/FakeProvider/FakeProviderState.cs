using System.Globalization;

namespace Gateway.Reliability.FakeProvider;

/// <summary>
/// Everything the fake provider remembers: the fault mode, issued admin tokens, Tencent's dedup window and the
/// deliveries per messageId. One lock: the fake handles hundreds of requests a second, not more.
/// </summary>
internal sealed class FakeProviderState(TimeProvider time)
{
    /// <summary>Tencent deduplicates a repeated one-to-one send for this long (tencent-im-api.md §7).</summary>
    public static readonly TimeSpan TencentDedupWindow = TimeSpan.FromSeconds(120);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TencentSent> _tencentSent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _messages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _userSigs = new(StringComparer.Ordinal);
    private FaultMode _mode = FaultMode.Normal;
    private long _credentialCutoffUnixMs;
    private int _lateDelayMs = 12_000;
    private long _requests;
    private long _faulted;
    private long _deliveries;
    private long _tokenRejections;
    private long _userSigRejections;
    private long _deduplicated;
    private long _lastDeliveryUnixMs;
    private long _keyCounter;

    public FaultMode Mode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }
    }

    public TimeSpan LateDelay
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromMilliseconds(_lateDelayMs);
            }
        }
    }

    public long NowUnixMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public void Apply(ControlRequest request)
    {
        lock (_gate)
        {
            if (request.Reset)
            {
                _tokens.Clear();
                _userSigs.Clear();
                _tencentSent.Clear();
                _messages.Clear();
                _mode = FaultMode.Normal;
                _credentialCutoffUnixMs = 0;
                _requests = _faulted = _deliveries = _tokenRejections = _userSigRejections = _deduplicated = _lastDeliveryUnixMs = 0;
            }

            if (request.LateDelayMs is { } delay)
            {
                _lateDelayMs = Math.Clamp(delay, 0, 120_000);
            }

            if (request.Mode is { } name && FaultModes.TryParse(name, out var mode))
            {
                if (mode == FaultMode.TokensRejected && _mode != FaultMode.TokensRejected)
                {
                    _credentialCutoffUnixMs = NowUnixMs;
                }

                _mode = mode;
            }
        }
    }

    public void CountRequest(bool faulted)
    {
        lock (_gate)
        {
            _requests++;
            if (faulted)
            {
                _faulted++;
            }
        }
    }

    public string IssueToken()
    {
        lock (_gate)
        {
            var issued = NowUnixMs;
            var token = string.Create(CultureInfo.InvariantCulture, $"fake.{issued}.{++_keyCounter:x}");
            _tokens[token] = issued;
            return token;
        }
    }

    /// <summary>Checks an OpenIM admin token: 0 when good, else the errCode to answer.</summary>
    public int CheckToken(string token)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var issued))
            {
                return 1507;
            }

            if (issued < _credentialCutoffUnixMs)
            {
                _tokenRejections++;
                return 1501;
            }

            return 0;
        }
    }

    /// <summary>Remembers a UserSig a request carried, for the secrets audit (<see cref="Credentials"/>).</summary>
    public void SawUserSig(string userSig)
    {
        lock (_gate)
        {
            _userSigs.Add(userSig);
        }
    }

    /// <summary>Every admin token issued and every UserSig seen since the last reset: what must never appear in the gateway's output.</summary>
    public Credentials Credentials()
    {
        lock (_gate)
        {
            return new Credentials { AdminTokens = [.. _tokens.Keys], UserSigs = [.. _userSigs] };
        }
    }

    /// <summary>Checks the <c>TLS.time</c> of a UserSig against the switch (seconds, as the UserSig has them).</summary>
    public bool UserSigRejected(long tlsTimeSeconds)
    {
        lock (_gate)
        {
            if (_credentialCutoffUnixMs > 0 && tlsTimeSeconds < _credentialCutoffUnixMs / 1000)
            {
                _userSigRejections++;
                return true;
            }

            return false;
        }
    }

    public void RecordDelivery(string messageId, string callId)
    {
        lock (_gate)
        {
            Record(messageId, callId);
        }
    }

    /// <summary>
    /// A Tencent one-to-one send: delivered unless the same key (sender, MsgSeq, MsgRandom, body) was delivered within
    /// the last 120 s, in which case the first send's MsgKey and MsgTime are answered again and nothing is delivered.
    /// </summary>
    public (string MsgKey, long MsgTime) TencentSend(string dedupKey, string messageId, string callId)
    {
        lock (_gate)
        {
            var now = NowUnixMs;
            if (_tencentSent.TryGetValue(dedupKey, out var earlier) && now - earlier.AtUnixMs <= (long)TencentDedupWindow.TotalMilliseconds)
            {
                _deduplicated++;
                Get(messageId).Stats.Deduplicated++;
                return (earlier.MsgKey, earlier.MsgTime);
            }

            var sent = new TencentSent(string.Create(CultureInfo.InvariantCulture, $"{++_keyCounter}_{now / 1000}"), now / 1000, now);
            _tencentSent[dedupKey] = sent;
            Record(messageId, callId);
            return (sent.MsgKey, sent.MsgTime);
        }
    }

    public ProviderStats Snapshot()
    {
        lock (_gate)
        {
            var stats = new ProviderStats
            {
                Mode = FaultModes.Name(_mode),
                Requests = _requests,
                Faulted = _faulted,
                Deliveries = _deliveries,
                TokensIssued = _tokens.Count,
                TokenRejections = _tokenRejections,
                UserSigRejections = _userSigRejections,
                TencentDeduplicated = _deduplicated,
                LastDeliveryUnixMs = _lastDeliveryUnixMs,
            };
            foreach (var (id, entry) in _messages)
            {
                stats.Messages[id] = new MessageStats
                {
                    Deliveries = entry.Stats.Deliveries,
                    Calls = entry.Calls.Count,
                    MaxDeliveriesPerCall = entry.Calls.Count == 0 ? 0 : entry.Calls.Values.Max(),
                    Deduplicated = entry.Stats.Deduplicated,
                    FirstUnixMs = entry.Stats.FirstUnixMs,
                    LastUnixMs = entry.Stats.LastUnixMs,
                };
            }

            return stats;
        }
    }

    private void Record(string messageId, string callId)
    {
        var now = NowUnixMs;
        var entry = Get(messageId);
        entry.Stats.Deliveries++;
        entry.Calls[callId] = entry.Calls.GetValueOrDefault(callId) + 1;
        if (entry.Stats.FirstUnixMs == 0)
        {
            entry.Stats.FirstUnixMs = now;
        }

        entry.Stats.LastUnixMs = now;
        _deliveries++;
        _lastDeliveryUnixMs = now;
    }

    private Entry Get(string messageId)
    {
        if (!_messages.TryGetValue(messageId, out var entry))
        {
            entry = new Entry();
            _messages[messageId] = entry;
        }

        return entry;
    }

    private sealed class Entry
    {
        public MessageStats Stats { get; } = new();

        public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);
    }

    private sealed record TencentSent(string MsgKey, long MsgTime, long AtUnixMs);
}
