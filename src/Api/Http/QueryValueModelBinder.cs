using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CustomerService.Api.Http;

/// <summary>
/// Binds a query parameter only when its value is unambiguous: given at most once, not empty, and,
/// for a whole number, written as decimal digits with at most a leading minus. The framework takes
/// the first of repeated values, treats an empty value as no value (so <c>?externalId=</c> lists
/// everyone), and reads <c>0x10</c>, <c>+5</c>, <c> 5 </c> or <c>5%00</c> as numbers; answering a
/// filter or page size the client did not mean is worse than a 400 naming the parameter.
/// </summary>
internal sealed class QueryValueModelBinder : IModelBinder
{
    /// <summary>Whether this binder binds a value from <paramref name="source"/> of type <paramref name="type"/>: string and whole-number query values.</summary>
    public static bool Binds(BindingSource? source, Type type) =>
        source == BindingSource.Query && (type == typeof(string) || type == typeof(int) || type == typeof(int?));

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = bindingContext.ModelName;
        var values = bindingContext.ValueProvider.GetValue(name);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, values);
        var value = values.FirstValue;
        if (values.Length > 1)
        {
            bindingContext.ModelState.TryAddModelError(name, $"{name} must be given at most once.");
        }
        else if (string.IsNullOrEmpty(value))
        {
            bindingContext.ModelState.TryAddModelError(name, $"{name} must have a value when it is given.");
        }
        else if (bindingContext.ModelType == typeof(string))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else if (TryParseWholeNumber(value, out var number))
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(name, $"{name} must be a whole number.");
        }

        return Task.CompletedTask;
    }

    private static bool TryParseWholeNumber(string value, out int number)
    {
        var digits = value.StartsWith('-') ? value.AsSpan(1) : value.AsSpan();
        number = 0;
        return !digits.IsEmpty
            && !digits.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Hands string and whole-number query parameters to <see cref="QueryValueModelBinder"/>.</summary>
    internal sealed class Provider : IModelBinderProvider
    {
        private static readonly QueryValueModelBinder Binder = new();

        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return Binds(context.BindingInfo.BindingSource, context.Metadata.ModelType) ? Binder : null;
        }
    }
}
