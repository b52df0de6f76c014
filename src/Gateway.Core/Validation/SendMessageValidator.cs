using FluentValidation;
using Gateway.Core.Contracts;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Validation;

/// <summary>The provider-independent rules of <see cref="SendMessage"/> (the model table in DESIGN.md).</summary>
internal sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    /// <summary>The longest <c>messageId</c> accepted.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>The longest user, group or provider id accepted before provider limits apply.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Gets the most recipients a command may address (<c>Gateway:MaxRecipients</c>).</summary>
    public int MaxRecipients { get; }

    public SendMessageValidator(IOptions<GatewayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxRecipients = options.Value.MaxRecipients;
        MaxRecipients = maxRecipients;
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(m => m.MessageId).Required().MaxLength(MaxMessageIdLength).Printable();
        RuleFor(m => m.Provider).Required().MaxLength(MaxIdLength).Printable().When(m => m.Provider is not null);
        RuleFor(m => m.Sender!).SetValidator(new MessageSenderValidator()).When(m => m.Sender is not null);

        RuleFor(m => m.To)
            .Must((message, to) => (to is null) != (message.GroupId is null))
            .WithErrorCode(ValidationRules.OneRecipientKind)
            .WithMessage("exactly one of 'to' and 'groupId' must be set");
        When(m => m.To is not null && m.GroupId is null, () =>
        {
            RuleFor(m => m.To!.Count)
                .InclusiveBetween(1, maxRecipients)
                .WithErrorCode(ValidationRules.Count)
                .WithMessage($"must list 1 to {maxRecipients} recipients")
                .OverridePropertyName("to");
            RuleForEach(m => m.To).Required().MaxLength(MaxIdLength).Printable();
            RuleFor(m => m.To)
                .Must(to => to!.Distinct(StringComparer.Ordinal).Count() == to!.Count)
                .WithErrorCode(ValidationRules.Distinct)
                .WithMessage("must not list a recipient twice");
        });
        RuleFor(m => m.GroupId).Required().MaxLength(MaxIdLength).Printable().When(m => m.GroupId is not null && m.To is null);

        RuleFor(m => m.Content).Present().SetValidator(new MessageContentValidator());
        RuleFor(m => m.Content.Type)
            .Must((message, _) => message.GroupId is not null)
            .WithErrorCode(ValidationRules.GroupsOnly)
            .WithMessage("'mention' content can only be sent to a group ('groupId')")
            .When(m => m.Content is { Type: ContentType.Mention } && m.To is not null);
        RuleFor(m => m.Content.Type)
            .Must((message, _) => message.To is not null)
            .WithErrorCode(ValidationRules.UsersOnly)
            .WithMessage("'notification' content can only be sent to users ('to')")
            .When(m => m.Content is { Type: ContentType.Notification } && m.GroupId is not null);

        RuleFor(m => m.Options!).SetValidator(new MessageOptionsValidator()).When(m => m.Options is not null);
        RuleFor(m => m.Options!.Priority)
            .Null()
            .WithErrorCode(ValidationRules.GroupsOnly)
            .WithMessage("only applies to group messages ('groupId')")
            .When(m => m.Options is not null && m.GroupId is null);
    }
}
