using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="LocationContent"/>.</summary>
internal sealed class LocationContentValidator : AbstractValidator<LocationContent>
{
    public LocationContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Description).Required();
        RuleFor(c => c.Latitude).InclusiveBetween(-90, 90)
            .WithErrorCode(ValidationRules.Range).WithMessage("must be between -90 and 90");
        RuleFor(c => c.Longitude).InclusiveBetween(-180, 180)
            .WithErrorCode(ValidationRules.Range).WithMessage("must be between -180 and 180");
    }
}
