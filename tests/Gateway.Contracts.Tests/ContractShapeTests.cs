using System.Reflection;
using System.Runtime.CompilerServices;
using Gateway.Core.Contracts;

namespace Gateway.Contracts.Tests;

/// <summary>
/// Bus contracts are flat data (house style 22): every public type is an enum or a sealed record with no base class,
/// made only of init-only properties of primitive, contract or read-only list types.
/// </summary>
public class ContractShapeTests
{
    // Static helpers that build a value; they add nothing to the wire shape. Anything else fails the test.
    private static readonly HashSet<string> AllowedStaticMethods = ["MessageContent.FromText"];

    private static readonly HashSet<Type> Primitives =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(DateTimeOffset), typeof(TimeSpan),
    ];

    public static TheoryData<string> Records() =>
        [.. typeof(SendMessage).Assembly.GetExportedTypes().Where(t => !t.IsEnum).Select(t => t.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void GetExportedTypes_ContractsAssembly_EnumsOrSealedRecords()
    {
        var others = typeof(SendMessage).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !(t.IsClass && t.IsSealed && t.BaseType == typeof(object) && IsRecord(t)))
            .Select(t => t.Name)
            .ToArray();

        Assert.Empty(others);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Record_EachContract_MadeOnlyOfInitOnlyProperties(string name)
    {
        var type = Contract(name);

        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        Assert.Empty(type.GetEvents(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        Assert.All(type.GetConstructors(), c => Assert.Empty(c.GetParameters()));
        Assert.All(type.GetProperties(BindingFlags.Public | BindingFlags.Instance), p =>
        {
            Assert.True(p.GetMethod?.IsPublic == true, $"{name}.{p.Name} has no public getter");
            Assert.True(p.SetMethod is null || IsInitOnly(p.SetMethod), $"{name}.{p.Name} has a setter that is not init-only");
        });
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !IsRecordMember(m) && !AllowedStaticMethods.Contains($"{name}.{m.Name}"))
            .Select(m => m.Name)
            .ToArray();
        Assert.Empty(methods);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Record_EachContract_PropertiesArePrimitivesContractsOrReadOnlyLists(string name)
    {
        var type = Contract(name);

        Assert.All(type.GetProperties(BindingFlags.Public | BindingFlags.Instance), p =>
            Assert.True(IsWireType(p.PropertyType), $"{name}.{p.Name} is a {p.PropertyType}"));
    }

    private static Type Contract(string name) => typeof(SendMessage).Assembly.GetExportedTypes().Single(t => t.Name == name);

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool IsInitOnly(MethodInfo setter) => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsRecordMember(MethodInfo method) =>
        method.Name is "<Clone>$" or nameof(ToString) or nameof(Equals) or nameof(GetHashCode)
        || (method.IsStatic && method.Name is "op_Equality" or "op_Inequality");

    private static bool IsWireType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (Primitives.Contains(underlying) || underlying.Assembly == typeof(SendMessage).Assembly)
        {
            return true;
        }

        return underlying.IsGenericType
            && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            && IsWireType(underlying.GetGenericArguments()[0]);
    }
}
