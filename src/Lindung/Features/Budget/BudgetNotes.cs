using System.Globalization;
using Lindung.Domain.Budget;

namespace Lindung.Features.Budget;

internal static class BudgetNotes
{
    public static BudgetNote WithoutWage(int count)
    {
        var n = count.ToString("N0", CultureInfo.InvariantCulture);
        return new BudgetNote("ROSTER_WAGE_MISSING",
            $"{n} staf di roster tidak memiliki upah sehingga tidak dihitung; lengkapi upahnya lewat impor roster",
            $"{n} roster staff have no wage and were left out; complete their wages with a roster import");
    }
}
