using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="FileContent"/>.</summary>
internal sealed class FileContentValidator : AbstractValidator<FileContent>
{
    public FileContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Url).Required();
        RuleFor(c => c.Name).Required();
        RuleFor(c => c.Size).AtLeast(1L);
    }
}
