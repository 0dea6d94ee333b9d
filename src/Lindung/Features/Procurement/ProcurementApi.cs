using Lindung.Application;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Domain.Procurement;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Features.Imports;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Procurement;

/// <summary><c>/api/v1/contracts</c>: the agencies' contract registry, Jakon records, assigned workers and the payment gate.</summary>
internal static class ProcurementApi
{
    public static IServiceCollection AddLindungProcurement(this IServiceCollection services)
    {
        services.AddScoped<RegisterContract>();
        services.AddScoped<RecordJakon>();
        services.AddScoped<AssignContractWorkers>();
        services.AddScoped<CheckPaymentGate>();
        services.AddScoped<ImportContracts>();
        services.AddScoped<ContractsAtRisk>();
        return services;
    }

    public static IEndpointRouteBuilder MapProcurementApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/contracts").WithTags("Procurement");
        group.MapGet(string.Empty, ListAsync).RequireAuthorization(Policies.Procurement)
            .WithName("ListContracts")
            .WithSummary("Contracts the caller may see (a commitment officer: its agency's), newest first (page, pageSize, optional agency_id, kind, number).");
        group.MapPost(string.Empty, CreateAsync).RequireAuthorization(Policies.ProcurementEdit)
            .WithName("CreateContract")
            .WithSummary("Registers a contract: number, agency_id (an admin's choice; a commitment officer's own agency), commitment_officer, contractor (NPP/NIB/NPWP), kind KONSTRUKSI|JASA_LAINNYA|BARANG, value, start_date, end_date, location_code (village) and stages [{number, share|amount, planned_date}].");
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.ProcurementEdit)
            .WithName("ImportContracts")
            .WithSummary("Imports an agency's contracts from a CSV or XLSX file (multipart: file, agency_id or agency + optional region, valid_only): counts new/changed/unchanged, every refused row named; all or nothing unless valid_only.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Procurement)
            .WithName("GetContract")
            .WithSummary("One contract with its stages, its Jakon (due, registration, paid) or its assigned workers (masked NIKs).");
        group.MapGet("/{id:guid}/payment-gate", GateAsync).RequireAuthorization(Policies.Procurement)
            .WithName("ContractPaymentGate")
            .WithSummary("Whether payment stage N (stage=N) may be paid: payable true/false with every reason (code, both messages, evidence); the question and answer are stored with the asker.");
        group.MapPut("/{id:guid}/jakon", RecordJakonAsync).RequireAuthorization(Policies.JakonRecord)
            .WithName("RecordContractJakon")
            .WithSummary("Records a construction contract's Jakon registration_number, paid_amount and paid_date (the branch or an admin).");
        group.MapPut("/{id:guid}/workers", AssignWorkersAsync).RequireAuthorization(Policies.ProcurementEdit)
            .WithName("AssignContractWorkers")
            .WithSummary("Sets the contractor's workers on an other-services contract by NIK ({\"niks\": [...]}, the whole list).");
        return api;
    }

    private static async Task<Results<Ok<PageOf<ContractDto>>, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, RateBook rates, int? page, int? pageSize,
        [FromQuery(Name = "agency_id")] Guid? agencyId, string? kind, string? number, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        ContractKind? kindFilter = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (ContractKinds.TryParse(kind, out var parsed))
            {
                kindFilter = parsed;
            }
            else
            {
                errors[ContractErrors.KindField] = ContractErrors.KindUnknown.Error;
            }
        }

        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var contracts = Contracts.For(db, AccessScope.From(http.User)).AsNoTracking();
        if (agencyId is { } agency)
        {
            contracts = contracts.Where(c => c.AgencyId == agency);
        }

        if (kindFilter is { } k)
        {
            contracts = contracts.Where(c => c.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(number))
        {
            var n = number.Trim();
            contracts = contracts.Where(c => c.Number == n);
        }

        var ordered = contracts.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id);
        return TypedResults.Ok(await paging.ToPageAsync(ordered, c => ContractDto.From(c, Contracts.JakonDue(rates, c)), ct));
    }

    private static async Task<Results<Ok<ContractDto>, NotFound>> GetAsync(HttpContext http, LindungDbContext db, RateBook rates, Guid id, CancellationToken ct)
    {
        var contract = await Contracts.FindAsync(db, AccessScope.From(http.User), id, ct);
        return contract is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(ContractDto.From(contract, Contracts.JakonDue(rates, contract)));
    }

    private static async Task<Results<Created<ContractDto>, ValidationProblem>> CreateAsync(
        HttpContext http, RegisterContract register, ContractRequest request, CancellationToken ct)
    {
        var result = await register.HandleAsync(request, AccessScope.From(http.User), ct);
        return result.Succeeded
            ? TypedResults.Created($"{ApiSetup.Prefix}/contracts/{result.Value.Id}", result.Value)
            : ApiLanguage.Problem(http, result.Errors, "contract");
    }

    private static async Task<Results<Ok<ContractImportDto>, UnprocessableEntity<ContractImportDto>, ValidationProblem>> ImportAsync(
        HttpContext http, ImportContracts import, IOptions<ImportOptions> options, LindungHostOptions host, CancellationToken ct)
    {
        var (form, upload, error) = await MultipartUpload.ReadAsync(http.Request, host.DataDirectory, options.Value.MaxUploadBytes, ct);
        if (error is not null || upload is null)
        {
            return ApiLanguage.Problem(http, "file", error ?? ImportFileErrors.FileRequired);
        }

        var path = ImportFiles.Full(host.DataDirectory, upload.StoredPath);
        try
        {
            Guid? agencyId = Guid.TryParse(form.GetValueOrDefault("agency_id"), out var id) ? id : null;
            var validOnly = bool.TryParse(form.GetValueOrDefault("valid_only"), out var v) && v;
            var request = new ContractImportRequest(
                path, upload.OriginalFileName, agencyId, form.GetValueOrDefault("agency"), form.GetValueOrDefault("region"), form.GetValueOrDefault("sheet"), validOnly);
            var result = await import.HandleAsync(request, AccessScope.From(http.User), ct);
            if (!result.Succeeded)
            {
                return ApiLanguage.Problem(http, result.Errors, "contract");
            }

            var dto = ContractImportDto.From(result.Value);
            return result.Value.RowsInvalid > 0 && !result.Value.Committed ? TypedResults.UnprocessableEntity(dto) : TypedResults.Ok(dto);
        }
        finally
        {
            ImportFiles.TryDelete(path);
        }
    }

    private static async Task<Results<Ok<PaymentGateDto>, NotFound, ValidationProblem>> GateAsync(
        HttpContext http, CheckPaymentGate gate, Guid id, int? stage, CancellationToken ct) =>
        Answer(http, await gate.HandleAsync(id, stage, AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<ContractDto>, NotFound, ValidationProblem>> RecordJakonAsync(
        HttpContext http, RecordJakon record, Guid id, JakonRecordRequest request, CancellationToken ct) =>
        Answer(http, await record.HandleAsync(id, request, AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<ContractDto>, NotFound, ValidationProblem>> AssignWorkersAsync(
        HttpContext http, AssignContractWorkers assign, Guid id, AssignWorkersRequest request, CancellationToken ct) =>
        Answer(http, await assign.HandleAsync(id, request, AccessScope.From(http.User), ct));

    private static Results<Ok<T>, NotFound, ValidationProblem> Answer<T>(HttpContext http, UseCaseResult<T> result)
    {
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.Value);
        }

        return result.Errors[0].Code == ContractErrors.NotFound.Code ? TypedResults.NotFound() : ApiLanguage.Problem(http, result.Errors, "contract");
    }
}
