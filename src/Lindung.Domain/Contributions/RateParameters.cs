namespace Lindung.Domain.Contributions;

/// <summary>The catalogue of every parameter the contribution engine reads from the rate book.</summary>
public static class RateParameters
{
    public static RateParameter PuJkk(int riskGroup) => riskGroup switch
    {
        1 => PuJkkGroup1,
        2 => PuJkkGroup2,
        3 => PuJkkGroup3,
        4 => PuJkkGroup4,
        5 => PuJkkGroup5,
        _ => throw new ArgumentOutOfRangeException(nameof(riskGroup), riskGroup, "Risk groups are 1 to 5."),
    };

    public static readonly RateParameter PuJkkGroup1 = JkkGroup(1);
    public static readonly RateParameter PuJkkGroup2 = JkkGroup(2);
    public static readonly RateParameter PuJkkGroup3 = JkkGroup(3);
    public static readonly RateParameter PuJkkGroup4 = JkkGroup(4);
    public static readonly RateParameter PuJkkGroup5 = JkkGroup(5);
    public static readonly RateParameter PuJkm = Percent("pu.jkm", "PU JKM rate", "tarif JKM PU");
    public static readonly RateParameter PuJhtEmployer = Percent("pu.jht.employer", "PU JHT employer rate", "tarif JHT PU pemberi kerja");
    public static readonly RateParameter PuJhtWorker = Percent("pu.jht.worker", "PU JHT worker rate", "tarif JHT PU pekerja");
    public static readonly RateParameter PuJpEmployer = Percent("pu.jp.employer", "PU JP employer rate", "tarif JP PU pemberi kerja");
    public static readonly RateParameter PuJpWorker = Percent("pu.jp.worker", "PU JP worker rate", "tarif JP PU pekerja");
    public static readonly RateParameter PuJpWageCap = Rupiah("pu.jp.wage_cap", "JP wage cap", "batas upah tertinggi JP");

    /// <summary>The GDP growth a budget assumes for JP caps not yet announced (a planning assumption, not a rate).</summary>
    public static readonly RateParameter PuJpPlanningGrowth = Percent("pu.jp.wage_cap.planning_growth", "assumed JP wage cap growth for budget planning", "asumsi pertumbuhan batas upah JP untuk perencanaan anggaran");
    public static readonly RateParameter PuJkpGovernment = Percent("pu.jkp.government", "JKP government share", "iuran JKP Pemerintah Pusat");
    public static readonly RateParameter PuJkpJkkRecomposition = Percent("pu.jkp.jkk_recomposition", "JKP share recomposed from JKK", "rekomposisi iuran JKK untuk JKP");
    public static readonly RateParameter PuJkpJkmRecomposition = Percent("pu.jkp.jkm_recomposition", "JKP share recomposed from JKM", "rekomposisi iuran JKM untuk JKP");
    public static readonly RateParameter PuJkpWageCap = Rupiah("pu.jkp.wage_cap", "JKP wage cap", "batas upah JKP");

    public static readonly RateParameter BpuMinimumIncome = Rupiah("bpu.minimum_income", "BPU minimum declared income", "penghasilan minimum BPU");
    public static readonly RateParameter BpuJkk = Percent("bpu.jkk", "BPU JKK rate", "tarif JKK BPU");
    public static readonly RateParameter BpuJkm = Rupiah("bpu.jkm", "BPU JKM amount", "iuran JKM BPU");
    public static readonly RateParameter BpuJht = Percent("bpu.jht", "BPU JHT rate", "tarif JHT BPU");
    public static readonly RateParameter BpuDiscountTransport = Percent("bpu.discount.transport", "BPU JKK/JKM discount, transport sector", "diskon iuran JKK/JKM BPU sektor transportasi");
    public static readonly RateParameter BpuDiscountOther = Percent("bpu.discount.other", "BPU JKK/JKM discount, other sectors", "diskon iuran JKK/JKM BPU sektor lain");

    public static readonly RateParameter JakonContractJkk = new("jakon.contract.jkk", RateShape.Tiers, RateUnit.Percent, "Jakon JKK contract-value tiers", "lapisan tarif JKK Jakon nilai kontrak");
    public static readonly RateParameter JakonContractJkm = new("jakon.contract.jkm", RateShape.Tiers, RateUnit.Percent, "Jakon JKM contract-value tiers", "lapisan tarif JKM Jakon nilai kontrak");
    public static readonly RateParameter JakonWageJkk = Percent("jakon.wage.jkk", "Jakon JKK wage-method rate", "tarif JKK Jakon metode upah");
    public static readonly RateParameter JakonWageJkm = Percent("jakon.wage.jkm", "Jakon JKM wage-method rate", "tarif JKM Jakon metode upah");

    public static readonly RateParameter PmiPrePlacement = Rupiah("pmi.pre_placement", "PMI pre-placement JKK+JKM", "iuran JKK+JKM PMI sebelum bekerja");
    public static readonly RateParameter PmiPackages = new("pmi.packages", RateShape.Packages, RateUnit.Rupiah, "PMI JKK+JKM packages", "paket iuran JKK+JKM PMI");
    public static readonly RateParameter PmiExtraMonth = Rupiah("pmi.extra_month", "PMI JKK+JKM per month beyond the package", "iuran JKK+JKM PMI per bulan kelebihan");
    public static readonly RateParameter PmiJhtAmounts = new("pmi.jht_amounts", RateShape.Values, RateUnit.Rupiah, "PMI JHT monthly amounts", "pilihan iuran JHT PMI per bulan");

    /// <summary>JKM cash for a death not caused by work (DOMAIN §10.1), and the parts a work-accident death shares.</summary>
    public static readonly RateParameter BenefitJkmLumpSum = Rupiah("benefit.jkm.lump_sum", "JKM death lump sum", "santunan kematian JKM");
    public static readonly RateParameter BenefitPeriodicLumpSum = Rupiah("benefit.periodic_lump_sum", "periodic benefit paid at once", "santunan berkala dibayar sekaligus");
    public static readonly RateParameter BenefitFuneral = Rupiah("benefit.funeral", "funeral benefit", "biaya pemakaman");

    /// <summary>JKK (DOMAIN §10.2): a work-accident death pays this many monthly wages; temporary incapacity this many months at full wage.</summary>
    public static readonly RateParameter BenefitJkkDeathWageMultiple = Count("benefit.jkk.death_wage_multiple", "JKK death benefit in monthly wages", "santunan kematian JKK dalam kali upah");
    public static readonly RateParameter BenefitJkkStmbFullWageMonths = Count("benefit.jkk.stmb_full_wage_months", "JKK months of temporary incapacity at full wage", "bulan STMB JKK dengan upah penuh");

    /// <summary>Working days from complete documents to payment per claim kind (DOMAIN §10.4: UNCONFIRMED, the branch's table).</summary>
    public static readonly RateParameter ClaimSlaJkk = Count("claim.sla.jkk", "JKK claim payment SLA, working days", "SLA pembayaran klaim JKK, hari kerja");
    public static readonly RateParameter ClaimSlaJkm = Count("claim.sla.jkm", "JKM claim payment SLA, working days", "SLA pembayaran klaim JKM, hari kerja");
    public static readonly RateParameter ClaimSlaJht = Count("claim.sla.jht", "JHT claim payment SLA, working days", "SLA pembayaran klaim JHT, hari kerja");
    public static readonly RateParameter ClaimSlaJp = Count("claim.sla.jp", "JP claim payment SLA, working days", "SLA pembayaran klaim JP, hari kerja");

    /// <summary>UU 24/2011 art. 14(1): a foreigner must be a member after working this many months in Indonesia.</summary>
    public static readonly RateParameter ForeignMembershipDueMonths = Count(
        "membership.foreign.due_months", "months a foreign worker works in Indonesia before membership is required", "bulan bekerja di Indonesia sebelum WNA wajib menjadi peserta");

    public static IReadOnlyDictionary<string, RateParameter> All { get; } = new[]
    {
        PuJkkGroup1, PuJkkGroup2, PuJkkGroup3, PuJkkGroup4, PuJkkGroup5, PuJkm, PuJhtEmployer, PuJhtWorker,
        PuJpEmployer, PuJpWorker, PuJpWageCap, PuJpPlanningGrowth, PuJkpGovernment, PuJkpJkkRecomposition, PuJkpJkmRecomposition,
        PuJkpWageCap, BpuMinimumIncome, BpuJkk, BpuJkm, BpuJht, BpuDiscountTransport, BpuDiscountOther,
        JakonContractJkk, JakonContractJkm, JakonWageJkk, JakonWageJkm, PmiPrePlacement, PmiPackages,
        PmiExtraMonth, PmiJhtAmounts, BenefitJkmLumpSum, BenefitPeriodicLumpSum, BenefitFuneral, BenefitJkkDeathWageMultiple,
        BenefitJkkStmbFullWageMonths, ClaimSlaJkk, ClaimSlaJkm, ClaimSlaJht, ClaimSlaJp, ForeignMembershipDueMonths,
    }.ToDictionary(p => p.Id, StringComparer.Ordinal);

    private static RateParameter JkkGroup(int group) =>
        Percent($"pu.jkk.group{group}", $"PU JKK rate, risk group {group}", $"tarif JKK PU kelompok risiko {group}");

    private static RateParameter Percent(string id, string english, string indonesian) =>
        new(id, RateShape.Value, RateUnit.Percent, english, indonesian);

    private static RateParameter Rupiah(string id, string english, string indonesian) =>
        new(id, RateShape.Value, RateUnit.Rupiah, english, indonesian);

    private static RateParameter Count(string id, string english, string indonesian) =>
        new(id, RateShape.Value, RateUnit.Count, english, indonesian);
}
