/*
** wardnews_bm25(): FTS5's bm25() ranking, without counting every match of a common word.
**
** FTS5's built-in bm25() (ext/fts5/fts5_aux.c) starts each query by counting, for every
** phrase, the rows that contain it: one pass over the phrase's whole doclist. For a word
** found in every one of 1,000,000 articles that pass alone costs about 50 ms of CPU, before
** a single row is scored, and it caps ranked search at about 15 queries per second on two
** cores however few rows the query ranks (bench/RESULTS.md section 4).
**
** wardnews_bm25() scores a row exactly as bm25() does (same arguments: one weight per
** column; same k1, b and IDF floor) but reads at most RANK_DF_EXACT matches of each phrase:
**
**   - a phrase with fewer matches gets its exact document count, so the score is bm25()'s
**     to the last bit (tests/test_fts5rank.py checks this);
**   - a phrase with more is taken to continue at the density it had between its first
**     match and its RANK_DF_EXACT-th, up to the table's last row:
**         df = RANK_DF_EXACT * (nRow - first + 1) / (kth - first + 1)
**     assuming rowids close to 1..nRow (the archive only appends). Such a phrase is in at
**     least 2% of a million articles; its IDF, a logarithm, moves by ln(2) when the
**     estimate is off by a factor of two, and is floored at 1e-6 (as in bm25()) once the
**     phrase is in half the table.
**
** Built by setuptools as the optional extension module wardnews._fts5rank (setup.py). It is
** not a Python module: wardnews/fts5rank.py hands its entry point to sqlite3_auto_extension
** so that every SQLite connection the process opens afterwards has the function.
*/
#include <math.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#define RANK_DF_EXACT 20000

typedef struct RankData RankData;
struct RankData {
  int nPhrase;      /* Number of phrases in the query */
  double avgdl;     /* Average number of tokens in each row */
  double *aIDF;     /* IDF of each phrase */
  double *aFreq;    /* Scratch: weighted frequency of each phrase in the current row */
};

typedef struct PhraseCount PhraseCount;
struct PhraseCount {
  sqlite3_int64 nHit;    /* Matches seen so far */
  sqlite3_int64 iFirst;  /* Rowid of the first match */
  sqlite3_int64 iLast;   /* Rowid of the last match seen */
};

/* xQueryPhrase() callback: counts matches, and stops the walk at RANK_DF_EXACT of them. */
static int rankCountCb(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData){
  PhraseCount *p = (PhraseCount*)pUserData;
  sqlite3_int64 iRowid = pApi->xRowid(pFts);
  if( p->nHit==0 ) p->iFirst = iRowid;
  p->iLast = iRowid;
  p->nHit++;
  return p->nHit>=RANK_DF_EXACT ? SQLITE_DONE : SQLITE_OK;
}

/* The document count of phrase iPhrase: exact below RANK_DF_EXACT, estimated above. */
static int rankPhraseDocs(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, int iPhrase, sqlite3_int64 nRow,
  double *pDocs
){
  PhraseCount c = {0, 0, 0};
  int rc = pApi->xQueryPhrase(pFts, iPhrase, (void*)&c, rankCountCb);
  /* FTS5 ends the walk and returns SQLITE_OK when the callback returns SQLITE_DONE. */
  if( rc==SQLITE_DONE ) rc = SQLITE_OK;
  if( rc!=SQLITE_OK ) return rc;
  if( c.nHit<RANK_DF_EXACT ){
    *pDocs = (double)c.nHit;
  }else{
    double span = (double)(c.iLast - c.iFirst + 1);
    double rest = (double)(nRow - c.iFirst + 1);
    double est = (double)c.nHit * rest / span;
    if( est<(double)c.nHit ) est = (double)c.nHit;  /* rowids beyond nRow: never fewer */
    if( est>(double)nRow ) est = (double)nRow;
    *pDocs = est;
  }
  return SQLITE_OK;
}

/* The per-query data: computed on the first row, kept with the query (xSetAuxdata). */
static int rankGetData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, RankData **ppData){
  int rc = SQLITE_OK;
  RankData *p = (RankData*)pApi->xGetAuxdata(pFts, 0);
  if( p==0 ){
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nRow = 0;
    sqlite3_int64 nToken = 0;
    int i;
    p = (RankData*)sqlite3_malloc64(sizeof(RankData) + nPhrase*2*sizeof(double));
    if( p==0 ) return SQLITE_NOMEM;
    memset(p, 0, sizeof(RankData) + nPhrase*2*sizeof(double));
    p->nPhrase = nPhrase;
    p->aIDF = (double*)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    rc = pApi->xRowCount(pFts, &nRow);
    if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if( rc==SQLITE_OK ) p->avgdl = (double)nToken / (double)nRow;
    for(i=0; rc==SQLITE_OK && i<nPhrase; i++){
      double nDocs = 0.0;
      rc = rankPhraseDocs(pApi, pFts, i, nRow, &nDocs);
      if( rc==SQLITE_OK ){
        /* As bm25(): IDF = log((N - n + 0.5) / (n + 0.5)), floored at 1e-6. */
        double idf = log(((double)nRow - nDocs + 0.5) / (nDocs + 0.5));
        if( idf<=0.0 ) idf = 1e-6;
        p->aIDF[i] = idf;
      }
    }
    if( rc==SQLITE_OK ) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    else sqlite3_free(p);
    if( rc!=SQLITE_OK ) p = 0;
  }
  *ppData = p;
  return rc;
}

/*
** The row's length in tokens from its %_docsize.sz blob (one varint per column), or -1
** when the blob does not hold exactly nCol varints. FTS5's xColumnSize() reads the same
** blob, but through a statement of its own per row (SELECT sz FROM %_docsize WHERE id=?):
** two thirds of the cost of scoring a row here. Joined in the query instead, the lookup
** is one step of the query's own cursor, which moves forward through the table.
*/
static sqlite3_int64 rankDocsize(const void *pBlob, int nBlob, int nCol){
  const unsigned char *a = (const unsigned char*)pBlob;
  sqlite3_int64 nTotal = 0;
  int i = 0;
  int iCol;
  for(iCol=0; iCol<nCol; iCol++){
    /* SQLite's varint: 7 bits a byte, most significant first, the 9th byte all 8. */
    sqlite3_uint64 v = 0;
    int n;
    for(n=0; ; n++){
      if( i>=nBlob ) return -1;
      if( n==8 ){ v = (v<<8) | a[i++]; break; }
      v = (v<<7) | (a[i] & 0x7f);
      if( (a[i++] & 0x80)==0 ) break;
    }
    nTotal += (sqlite3_int64)v;
  }
  return i==nBlob ? nTotal : -1;
}

/*
** wardnews_bm25(fts_table, weight_of_column_0, ..., weight_of_column_N-1 [, docsize_sz])
** As bm25(fts_table, weights...). The optional last argument, after one weight per column,
** is the row's `sz` from the table's %_docsize shadow table (join it on id = rowid): it
** gives the same score with no lookup of FTS5's own. bm25() ignores such an argument.
*/
static void rankBm25Function(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx,
  int nVal, sqlite3_value **apVal
){
  const double k1 = 1.2;
  const double b = 0.75;
  double score = 0.0;
  double D = 0.0;
  RankData *pData = 0;
  int nInst = 0;
  int i;
  int rc = rankGetData(pApi, pFts, &pData);
  if( rc==SQLITE_OK ){
    memset(pData->aFreq, 0, sizeof(double) * pData->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for(i=0; rc==SQLITE_OK && i<nInst; i++){
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if( rc==SQLITE_OK ){
      pData->aFreq[ip] += (nVal>ic) ? sqlite3_value_double(apVal[ic]) : 1.0;
    }
  }
  if( rc==SQLITE_OK ){
    int nCol = pApi->xColumnCount(pFts);
    sqlite3_int64 nTok = -1;
    if( nVal>nCol && sqlite3_value_type(apVal[nCol])==SQLITE_BLOB ){
      nTok = rankDocsize(sqlite3_value_blob(apVal[nCol]), sqlite3_value_bytes(apVal[nCol]), nCol);
    }
    if( nTok<0 ){
      int n = 0;
      rc = pApi->xColumnSize(pFts, -1, &n);
      nTok = n;
    }
    D = (double)nTok;
  }
  for(i=0; rc==SQLITE_OK && i<pData->nPhrase; i++){
    double f = pData->aFreq[i];
    score += pData->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / pData->avgdl)));
  }
  if( rc==SQLITE_OK ){
    sqlite3_result_double(pCtx, -1.0 * score);
  }else{
    sqlite3_result_error_code(pCtx, rc);
  }
}

/* The fts5_api of this connection (https://sqlite.org/fts5.html#extending_fts5). */
static fts5_api *rankFts5Api(sqlite3 *db){
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_fts5rank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  fts5_api *pFts5;
  SQLITE_EXTENSION_INIT2(pApi);
  pFts5 = rankFts5Api(db);
  if( pFts5==0 || pFts5->iVersion<2 ){
    /* No FTS5 in this SQLite: nothing to add, and no reason to refuse the connection. */
    return SQLITE_OK;
  }
  (void)pzErrMsg;
  return pFts5->xCreateFunction(pFts5, "wardnews_bm25", 0, rankBm25Function, 0);
}
