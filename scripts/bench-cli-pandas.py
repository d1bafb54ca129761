"""Baseline of `npm run bench` (scripts/bench-cli.mjs): the allocation `wsf allocate --preset lausd --pool prior`
computes, done with pandas: read the schools (.xlsx through openpyxl, or .csv), weighted pupils = enrollment
+ 0.2 FRL + 0.2 EL + 0.2 foster + 1.0 special education (the LAUSD-style preset), base = last year's total /
weighted pupils (no protection rules, so the pool is met by one division), amount, change, poverty share and
per pupil, then write the allocation (.xlsx through openpyxl, or .csv). Prints the base and peak resident
memory in KB."""
import resource
import sys

import pandas as pd

source, target = sys.argv[1], sys.argv[2]
df = pd.read_excel(source, engine="openpyxl") if source.endswith(".xlsx") else pd.read_csv(source)
wp = df["Enrollment"] + 0.2 * df["FRL"] + 0.2 * df["EL"] + 0.2 * df["Foster youth"] + 1.0 * df["Special education"]
pool = df["Prior-year allocation"].sum()
base = pool / wp.sum()
out = pd.DataFrame({
    "School ID": df["School ID"],
    "School": df["School"],
    "Enrollment": df["Enrollment"],
    "Weighted pupils": wp,
    "Base per weighted pupil": base,
    "Formula amount": base * wp,
    "Prior year": df["Prior-year allocation"],
    "Protected amount": base * wp,
    "Change vs prior": base * wp - df["Prior-year allocation"],
    "Poverty share": df["FRL"] / df["Enrollment"],
    "Per pupil": base * wp / df["Enrollment"],
})
if target.endswith(".xlsx"):
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        out.to_excel(writer, sheet_name="Allocation", index=False)
else:
    out.to_csv(target, index=False)



def peak_kb():
    # VmHWM is this process's own peak; ru_maxrss on Linux also counts what the parent held when it forked.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


print(repr(float(base)), peak_kb())
