# Reference numbers for small-cluster DiD inference (CR1, CR2 + Satterthwaite, WCR Webb bootstrap): the source of the
# values in DidReferenceTests.cs. Run: Rscript tests/SoftSkills.Analysis.Tests/Data/did-reference.R (prints the panels as CSV).
# Needs: clubSandwich (0.5.8 checked), sandwich. Everything else is base R.
suppressPackageStartupMessages({ library(clubSandwich); library(sandwich) })
options(digits = 15, width = 160)
f15 <- function(x) formatC(x, digits = 15, format = "g")

# ---------------------------------------------------------------- data -----
# 4 teams x 12 weeks, post = week >= 7. y is rounded to 4 decimals so that the
# exact same doubles can be typed into a C# test (printed below as CSV).
make_panel <- function(treated_teams) {
  set.seed(1)
  teams <- paste0("T", 1:4); weeks <- 1:12
  team_eff <- rnorm(4, 0, 1)
  week_eff <- rnorm(12, 0, 0.5)
  d <- expand.grid(week = weeks, team = teams, stringsAsFactors = FALSE)[, c("team", "week")]
  ti <- match(d$team, teams)
  noise <- rnorm(nrow(d), 0, 1) * (1 + 0.5 * (ti %% 2))          # heteroskedastic across teams
  d$treated <- as.numeric(d$team %in% treated_teams)
  d$post <- as.numeric(d$week >= 7)
  d$y <- round(10 + team_eff[ti] + week_eff[d$week] + 0.8 * d$treated * d$post + noise, 4)
  d
}
panels <- list(
  balanced_2T2C   = make_panel(c("T1", "T2")),
  unbalanced_1T3C = make_panel("T1"))
# ragged: 1T3C with unequal cluster sizes (drops T3 weeks 1-3, T4 weeks 11-12, T1 week 6)
r <- panels$unbalanced_1T3C
panels$ragged_1T3C <- r[!((r$team == "T3" & r$week <= 3) | (r$team == "T4" & r$week >= 11) |
                          (r$team == "T1" & r$week == 6)), ]
rownames(panels$ragged_1T3C) <- NULL

# ------------------------------------------------------ hand-coded CR2 -----
# Symmetric (pseudo-)inverse square root exactly as clubSandwich::matrix_power:
# eigen-decompose, eigenvalues > 1e-12 -> lambda^(-1/2), others (incl. negative) -> 0.
inv_sqrt_psd <- function(S, tol = 1e-12) {
  e <- eigen(S, symmetric = TRUE)
  v <- ifelse(e$values > tol, e$values^(-1/2), 0)
  e$vectors %*% (v * t(e$vectors))
}
manual_cr <- function(X, y, cl, k, level = 0.95) {
  cl <- as.factor(cl); N <- nrow(X); K <- ncol(X); G <- nlevels(cl)
  M <- solve(crossprod(X))                       # (X'X)^-1
  b <- drop(M %*% crossprod(X, y)); e <- drop(y - X %*% b)
  m_k <- M[, k]                                  # M c with c = e_k
  idx <- split(seq_len(N), cl)
  # CR1
  s1 <- sapply(idx, function(i) sum((X[i, , drop = FALSE] %*% m_k) * e[i]))
  se1 <- sqrt(G / (G - 1) * (N - 1) / (N - K) * sum(s1^2))
  # CR2
  a_list <- list(); bvec <- matrix(0, K, G); s2 <- numeric(G); minev <- numeric(G); nzero <- integer(G)
  for (g in seq_len(G)) {
    i <- idx[[g]]; Xg <- X[i, , drop = FALSE]
    IH <- diag(length(i)) - Xg %*% M %*% t(Xg)
    ev <- eigen(IH, symmetric = TRUE, only.values = TRUE)$values
    minev[g] <- min(ev); nzero[g] <- sum(ev <= 1e-12)
    A <- inv_sqrt_psd(IH)
    a <- drop(A %*% Xg %*% m_k)                  # a_g = A_g X_g M c   (n_g vector)
    a_list[[g]] <- a
    s2[g] <- sum(a * e[i])                       # c'M X_g' A_g e_g
    bvec[, g] <- drop(crossprod(Xg, a))          # b_g = X_g' a_g      (K vector)
  }
  se2 <- sqrt(sum(s2^2))
  # Satterthwaite: P_gh = 1{g=h} a_g'a_g - b_g' M b_h ; df = (tr P)^2 / sum(P^2)
  P <- -t(bvec) %*% M %*% bvec
  diag(P) <- diag(P) + sapply(a_list, function(a) sum(a^2))
  df <- sum(diag(P))^2 / sum(P^2)
  # same df via N-vectors q_g = (I - H)[, g] A_g X_g M c :  df = (sum_g q_g'q_g)^2 / sum_{g,h} (q_g'q_h)^2
  IHfull <- diag(N) - X %*% M %*% t(X)
  Q <- sapply(seq_len(G), function(g) IHfull[, idx[[g]], drop = FALSE] %*% a_list[[g]])
  QQ <- crossprod(Q); df_q <- sum(diag(QQ))^2 / sum(QQ^2)
  t2 <- b[k] / se2
  list(est = b[k], se_cr1 = se1, se_cr2 = se2, df = df,
       p = 2 * pt(abs(t2), df, lower.tail = FALSE),
       ci = b[k] + c(-1, 1) * qt(1 - (1 - level) / 2, df) * se2, df_q = df_q,
       min_eig_I_minus_Hgg = setNames(minev, levels(cl)),
       n_zero_eig = setNames(nzero, levels(cl)))
}

# ------------------------------------------- WCR wild cluster bootstrap -----
# Restricted wild cluster bootstrap (null beta_k = r imposed), bootstrap-t with the CR1 SE
# (G/(G-1)*(N-1)/(N-K); the factor cancels in the p-value). Full enumeration of all W^G weight
# vectors (Webb: 6^G = 1296 for G = 4; Rademacher: 2^G = 16), so there is no RNG.
# Everything is affine/quadratic in r (as in boottest / fwildclusterboot):
#   u~(r) = a - r c,  a = M0 y, c = M0 x_k  (M0 = residual maker of X without column k)
#   numerator_b(r) = w'(u~(r) .* v_b) = na_b - r nc_b             (w' = row k of (X'X)^-1 X')
#   cluster score_gb(r) = sum_{i in g} w_i [(I-H)(u~(r) .* v_b)]_i = Sa_gb - r Sc_gb
#   t*_b(r) = numerator_b / sqrt(ssc * sum_g score_gb^2),   t(r) = (bhat - r)/se_CR1
webb <- c(-sqrt(3/2), -1, -sqrt(1/2), sqrt(1/2), 1, sqrt(3/2))
rade <- c(-1, 1)
enum_weights <- function(vals, G) t(as.matrix(expand.grid(rep(list(vals), G))))  # G x B
wcr_setup <- function(X, y, cl, k, vals) {
  cl <- as.factor(cl); N <- nrow(X); K <- ncol(X); G <- nlevels(cl)
  M <- solve(crossprod(X)); b <- drop(M %*% crossprod(X, y)); e <- drop(y - X %*% b)
  X0 <- X[, -k, drop = FALSE]; xk <- X[, k]
  M0 <- diag(N) - X0 %*% solve(crossprod(X0), t(X0))
  ssc <- G / (G - 1) * (N - 1) / (N - K)
  C <- t(model.matrix(~ cl - 1))                                 # G x N cluster-sum operator
  w <- drop(X %*% M[, k])
  se <- sqrt(ssc * sum((C %*% (w * e))^2))
  Wg <- enum_weights(vals, G)                                    # G x B
  V <- Wg[as.integer(cl), , drop = FALSE]                        # N x B
  IH <- diag(N) - X %*% M %*% t(X)
  a <- drop(M0 %*% y); cc <- drop(M0 %*% xk)
  Ua <- a * V; Uc <- cc * V
  list(bhat = unname(b[k]), se = se, ssc = ssc, B = ncol(V), Wg = Wg, X = X, y = y, cl = cl, k = k,
       na = drop(crossprod(w, Ua)), nc = drop(crossprod(w, Uc)),
       Sa = C %*% (w * (IH %*% Ua)), Sc = C %*% (w * (IH %*% Uc)), a = a, cc = cc)
}
wcr_t <- function(S, r) {
  num <- S$na - r * S$nc
  den <- sqrt(S$ssc * colSums((S$Sa - r * S$Sc)^2))
  list(t = (S$bhat - r) / S$se, tstar = num / den)
}
wcr_p <- function(S, r, type = c("sym", "sym_weak", "eqt")) {
  type <- match.arg(type); z <- wcr_t(S, r); t <- z$t; ts <- z$tstar
  tol <- 1e-9 * max(1, abs(t))   # exact ties |t*| = |t| (v = c*1) must not depend on rounding
  switch(type,
    sym      = mean(abs(ts) > abs(t) + tol),                  # boottest / fwildclusterboot: strict
    sym_weak = mean(abs(ts) >= abs(t) - tol),                 # ties counted
    eqt      = 2 * min(mean(ts < t - tol), mean(ts > t + tol)))
}
# brute-force check of the algebra: rebuild y*, refit with lm, CR1 t via sandwich::vcovCL
wcr_bruteforce_check <- function(S, r, cols) {
  X0 <- S$X[, -S$k, drop = FALSE]
  ytil <- drop(S$X[, S$k] * r + X0 %*% solve(crossprod(X0), crossprod(X0, S$y - r * S$X[, S$k])))
  ut <- S$y - ytil; z <- wcr_t(S, r)
  max(sapply(cols, function(b) {
    ys <- ytil + ut * S$Wg[as.integer(S$cl), b]
    fb <- lm.fit(S$X, ys); bb <- fb$coefficients[S$k]
    Mi <- solve(crossprod(S$X)); sc <- rowsum(drop(S$X %*% Mi[, S$k]) * fb$residuals, S$cl)
    abs((bb - r) / sqrt(S$ssc * sum(sc^2)) - z$tstar[b])
  }))
}
# Acceptance set {r : p(r) > alpha}: grid in t units s = (r - bhat)/se over [-smax, smax] with step ds,
# each change of acceptance refined by bisection (to ~1e-12 relative). Returns a matrix of intervals.
wcr_ci <- function(S, alpha = 0.05, type = "sym", smax = 100, ds = 0.005) {
  acc <- function(r) wcr_p(S, r, type) > alpha
  s <- seq(-smax, smax, by = ds); r <- S$bhat + s * S$se
  A <- vapply(r, acc, logical(1))
  refine <- function(r_in, r_out) { for (j in 1:100) { m <- (r_in + r_out) / 2
      if (acc(m)) r_in <- m else r_out <- m
      if (abs(r_out - r_in) <= 1e-12 * max(1, abs(m))) break }
    (r_in + r_out) / 2 }
  ch <- which(diff(A) != 0)
  starts <- c(if (A[1]) -Inf, sapply(ch[!A[ch]], function(i) refine(r[i + 1], r[i])))
  ends   <- c(sapply(ch[A[ch]], function(i) refine(r[i], r[i + 1])), if (A[length(A)]) Inf)
  cbind(lo = starts, hi = ends)
}

# ---------------------------------------------------------------- run ------
cat("R", R.version$major, R.version$minor, " clubSandwich", as.character(packageVersion("clubSandwich")),
    " sandwich", as.character(packageVersion("sandwich")), "\n")
for (nm in names(panels)) {
  d <- panels[[nm]]
  cat("\n=====================================================================\n")
  cat("DATA", nm, " N =", nrow(d), " treated teams:", paste(unique(d$team[d$treated == 1]), collapse = ","), "\n")
  cat("CSV team,week,treated,post,y\n")
  cat(paste(d$team, d$week, d$treated, d$post, sprintf("%.4f", d$y), sep = ","), sep = "\n")
  specs <- list(
    simple = list(f = y ~ treated * post, coef = "treated:post"),
    twfe   = list(f = y ~ treated:post + factor(team) + factor(week), coef = "treated:post"))
  for (sp in names(specs)) {
    fit <- lm(specs[[sp]]$f, data = d); k <- specs[[sp]]$coef
    X <- model.matrix(fit); kk <- match(k, colnames(X))
    cat("\n---", nm, "/", sp, " formula:", deparse(specs[[sp]]$f), " N =", nrow(X), " K =", ncol(X),
        " G =", length(unique(d$team)), "\n")
    V1 <- vcovCL(fit, cluster = ~team, type = "HC1")              # CR1: G/(G-1) * (N-1)/(N-K)
    V2 <- vcovCR(fit, cluster = d$team, type = "CR2")
    ct <- coef_test(fit, vcov = V2, test = "Satterthwaite", coefs = k)
    ci <- conf_int(fit, vcov = V2, test = "Satterthwaite", coefs = k, level = 0.95)
    man <- manual_cr(X, d$y, d$team, kk)
    cat("clubSandwich/sandwich:\n")
    cat("  estimate      ", f15(coef(fit)[k]), "\n")
    cat("  SE_CR1 (HC1)  ", f15(sqrt(V1[k, k])), "\n")
    cat("  SE_CR2        ", f15(ct$SE), "\n")
    cat("  t (CR2)       ", f15(ct$tstat), "\n")
    cat("  df_Satt       ", f15(ct$df_Satt), "\n")
    cat("  p_Satt        ", f15(ct$p_Satt), "\n")
    cat("  CI95          ", f15(ci$CI_L), f15(ci$CI_U), "\n")
    cat("  p CR1, t(G-1) ", f15(2 * pt(abs(coef(fit)[k] / sqrt(V1[k, k])), length(unique(d$team)) - 1, lower.tail = FALSE)), "\n")
    cat("hand-coded minus clubSandwich (abs diff):\n")
    cat("  est", f15(abs(man$est - coef(fit)[k])), " se1", f15(abs(man$se_cr1 - sqrt(V1[k, k]))),
        " se2", f15(abs(man$se_cr2 - ct$SE)), " df", f15(abs(man$df - ct$df_Satt)),
        " p", f15(abs(man$p - ct$p_Satt)), " ci", f15(max(abs(man$ci - c(ci$CI_L, ci$CI_U)))), "\n")
    cat("  df via q_g vectors minus clubSandwich:", f15(abs(man$df_q - ct$df_Satt)), "\n")
    cat("  full CR2 vcov max abs diff (all coefs):",
        f15(max(abs(as.matrix(V2) - { Mi <- solve(crossprod(X)); e <- resid(fit)
          comp <- sapply(split(seq_len(nrow(X)), d$team), function(i) { Xg <- X[i, , drop = FALSE]
            t(Xg) %*% inv_sqrt_psd(diag(length(i)) - Xg %*% Mi %*% t(Xg)) %*% e[i] })
          Mi %*% tcrossprod(comp) %*% Mi }))), "\n")
    cat("  min eigenvalue of I - H_gg per team:", paste(names(man$min_eig_I_minus_Hgg), f15(man$min_eig_I_minus_Hgg)), "\n")
    cat("  # eigenvalues <= 1e-12 per team:    ", paste(names(man$n_zero_eig), man$n_zero_eig), "\n")
    if (sp == "twfe") {
      # FWL / absorbed-FE version (NOT what clubSandwich does for lm): residualise treated:post on the FE
      Z <- X[, -kk, drop = FALSE]; xt <- X[, kk] - Z %*% solve(crossprod(Z), crossprod(Z, X[, kk]))
      mf <- manual_cr(matrix(xt, ncol = 1), d$y - Z %*% solve(crossprod(Z), crossprod(Z, d$y)), d$team, 1)
      cat("  [contrast] CR2 from FWL-demeaned regressor only: est", f15(mf$est), " SE_CR2", f15(mf$se_cr2),
          " df", f15(mf$df), "  (differs from full-dummy CR2 above)\n")
      # clubSandwich's plm route (Pustejovsky & Tipton 2018, Thm 2): cluster-nested team FE dropped from the
      # hat matrix, i.e. A_g = (I - H_gg + J_g/n_g)^(-1/2) with a full inverse. Should equal the lm result.
      Mi <- solve(crossprod(X)); e <- resid(fit); idx <- split(seq_len(nrow(X)), d$team)
      Ag <- lapply(idx, function(i) { Xg <- X[i, , drop = FALSE]; n <- length(i)
        inv_sqrt_psd(diag(n) - Xg %*% Mi %*% t(Xg) + matrix(1 / n, n, n)) })
      s2 <- sapply(seq_along(idx), function(g) sum((Ag[[g]] %*% X[idx[[g]], , drop = FALSE] %*% Mi[, kk]) * e[idx[[g]]]))
      av <- lapply(seq_along(idx), function(g) drop(Ag[[g]] %*% X[idx[[g]], , drop = FALSE] %*% Mi[, kk]))
      bv <- sapply(seq_along(idx), function(g) drop(crossprod(X[idx[[g]], , drop = FALSE], av[[g]])))
      P <- -t(bv) %*% Mi %*% bv; diag(P) <- diag(P) + sapply(av, function(a) sum(a^2))
      cat("  [check] A_g = (I - H_gg + J/n_g)^(-1/2): SE_CR2", f15(sqrt(sum(s2^2))), " df", f15(sum(diag(P))^2 / sum(P^2)),
          " (equal to clubSandwich lm: se diff", f15(abs(sqrt(sum(s2^2)) - ct$SE)), ", df diff", f15(abs(sum(diag(P))^2 / sum(P^2) - ct$df_Satt)), ")\n")
    }
    # WCR bootstrap, full enumeration
    for (wt in c("webb", "rademacher")) {
      vals <- if (wt == "webb") webb else rade
      S <- wcr_setup(X, d$y, d$team, kk, vals)
      z <- wcr_t(S, 0)
      ties <- sum(abs(abs(z$tstar) - abs(z$t)) <= 1e-9 * max(1, abs(z$t)))
      cat(sprintf("WCR %-10s B = %d (full enumeration), H0: %s = 0, t_CR1 = %s, #ties |t*|=|t|: %d, brute-force check %s\n",
                  wt, S$B, k, f15(z$t), ties, f15(wcr_bruteforce_check(S, 0, unique(round(seq(1, S$B, length.out = 25)))))))
      cat("  p symmetric (strict >)  ", f15(wcr_p(S, 0, "sym")), "\n")
      cat("  p symmetric (ties incl.)", f15(wcr_p(S, 0, "sym_weak")), "\n")
      cat("  p equal-tailed          ", f15(wcr_p(S, 0, "eqt")), "\n")
      if (wt == "webb") {
        ci <- wcr_ci(S, 0.05, "sym")
        cat("  95% confidence set {r: p_sym(r) > 0.05} (grid |r-bhat|/se <= 100, step 0.005):\n")
        for (i in seq_len(nrow(ci))) cat("     [", f15(ci[i, "lo"]), ",", f15(ci[i, "hi"]), "]\n")
        cat("  p_sym at r = bhat +/- 1e6*se:", f15(wcr_p(S, S$bhat - 1e6 * S$se)), f15(wcr_p(S, S$bhat + 1e6 * S$se)), "\n")
      }
    }
  }
}
