using FluentValidation.TestHelper;
using Gateway.Core.Contracts;
using Gateway.Core.Validation;
using Gateway.Testing;
using static Gateway.Core.Validation.ValidationRules;

namespace Gateway.Core.Tests.Validation;

public class RevokeMessageValidatorTests
{
    public static TheoryData<string, RevokeMessage, string, string> BrokenRules => new()
    {
        { "messageId missing", Valid() with { MessageId = "" }, "messageId", Required },
        { "messageId too long", Valid() with { MessageId = new string('r', 129) }, "messageId", Length },
        { "messageId with a line break", Valid() with { MessageId = "r-1\n" }, "messageId", Printable },
        { "target.to with a tab", Valid() with { Target = new RevokeTarget { To = "a\tb" } }, "target.to", Printable },
        { "provider empty", Valid() with { Provider = "" }, "provider", Required },
        { "key missing", Valid() with { ProviderMessageKey = "" }, "providerMessageKey", Required },
        { "target missing", Valid() with { Target = null! }, "target", Required },
        { "target both", Valid() with { Target = new RevokeTarget { To = "a", GroupId = "g" } }, "target.to", OneRecipientKind },
        { "target neither", Valid() with { Target = new RevokeTarget() }, "target.to", OneRecipientKind },
        { "target.to empty", Valid() with { Target = new RevokeTarget { To = "" } }, "target.to", Required },
        { "target.groupId empty", Valid() with { Target = new RevokeTarget { GroupId = "" } }, "target.groupId", Required },
        { "sender empty", Valid() with { Sender = new MessageSender { UserId = "" } }, "sender.userId", Required },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Validate_OneRuleBroken_ReportsThatFieldAndRule(string rule, RevokeMessage request, string field, string code)
    {
        var result = CreateSut().TestValidate(request);

        var error = ValidationFailures.ToError(result.Errors);
        Assert.True(error.Details!.Any(d => d.Field == field && d.Rule == code), $"{rule}: {error.Message}");
    }

    [Fact]
    public void Validate_UserAndGroupTargets_AreValid()
    {
        var validator = CreateSut();

        validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();
        validator.TestValidate(Valid() with { Target = new RevokeTarget { GroupId = "g" }, Sender = new MessageSender { UserId = "bot" } }).ShouldNotHaveAnyValidationErrors();
    }

    private static RevokeMessage Valid() => Samples.Revoke("revoke-1", "key-1");

    private static RevokeMessageValidator CreateSut() => new();
}
